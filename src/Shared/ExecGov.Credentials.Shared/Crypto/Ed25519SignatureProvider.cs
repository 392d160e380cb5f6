using Microsoft.IdentityModel.Tokens;

namespace ExecGov.Credentials.Crypto;

/// <summary>
/// An IdentityModel <see cref="SignatureProvider"/> that verifies with NSec's Ed25519. Every verifying overload is
/// overridden (the offset overloads throw IDX10267 by default). It never signs: <see cref="Ed25519SecurityKey"/> has no
/// private half, and this project's tokens are signed by <see cref="Jose.CompactJwsWriter"/> with the owner's key.
/// </summary>
internal sealed class Ed25519SignatureProvider : SignatureProvider
{
    private readonly Ed25519SecurityKey _key;

    public Ed25519SignatureProvider(Ed25519SecurityKey key, string algorithm)
        : base(key, algorithm)
    {
        _key = key;
        WillCreateSignatures = false;
    }

    public override byte[] Sign(byte[] input) => throw NotASigner();

    public override byte[] Sign(byte[] input, int offset, int count) => throw NotASigner();

    public override bool Sign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten) => throw NotASigner();

    public override bool Verify(byte[] input, byte[] signature)
    {
        if (input is null || signature is null)
        {
            return false;
        }

        return _key.Verify(input, signature);
    }

    public override bool Verify(byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength)
    {
        if (input is null || signature is null ||
            inputOffset < 0 || inputLength < 0 || inputOffset > input.Length - inputLength ||
            signatureOffset < 0 || signatureLength < 0 || signatureOffset > signature.Length - signatureLength)
        {
            return false;
        }

        return _key.Verify(input.AsSpan(inputOffset, inputLength), signature.AsSpan(signatureOffset, signatureLength));
    }

    protected override void Dispose(bool disposing)
    {
        // The provider does not own the key: keys outlive providers, which IdentityModel creates and
        // releases per token.
    }

    private InvalidOperationException NotASigner() =>
        new($"Key {_key.KeyId} is a verification key; Ed25519 tokens are signed with CompactJwsWriter.");
}
