using ExecGov.Credentials.Crypto;
using Microsoft.IdentityModel.Tokens;

namespace ExecGov.Credentials.Issuer.Http;

/// <summary>Reads a public Ed25519 JWK from a request, refusing private keys and anything not Ed25519.</summary>
internal static class PublicKeys
{
    public static bool TryRead(JwkInput? input, out byte[] publicKey, out string error)
    {
        publicKey = [];
        if (input is null)
        {
            error = "The key is missing.";
            return false;
        }

        if (input.D is not null)
        {
            error = "The key carries the private member \"d\": send only the public key, and treat this private key as exposed.";
            return false;
        }

        var jwk = new JsonWebKey { Kty = input.Kty, Crv = input.Crv, X = input.X, Use = input.Use, Alg = input.Alg };
        if (!Jwk.TryGetEd25519PublicKey(jwk, refusePrivate: true, out publicKey, out error))
        {
            return false;
        }

        if (input.Kid is { } kid && !string.Equals(kid, Jwk.Ed25519Thumbprint(publicKey), StringComparison.Ordinal))
        {
            error = "The key's \"kid\", when given, must be its RFC 7638 thumbprint.";
            return false;
        }

        return true;
    }
}
