using System.Runtime.Versioning;

// The suite checks Unix file modes (0600 secrets, 0700 folders) and runs bash; it runs where the product is deployed.
[assembly: SupportedOSPlatform("linux")]
