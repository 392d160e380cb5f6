namespace ExecGov.Credentials.Issuer.Http;

/// <summary>An RFC 9457 problem document with this project's stable <c>code</c> member.</summary>
/// <param name="Type">A URN naming the error, <c>urn:execgov:issuer:error:{code}</c>.</param>
/// <param name="Title">The error's message: what is wrong and how to fix it.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Detail">The specifics of this occurrence, if any.</param>
/// <param name="Code">The stable error code (docs/http-api.md).</param>
/// <param name="Instance">The request path.</param>
internal sealed record ProblemBody(string Type, string Title, int Status, string? Detail, string Code, string? Instance);
