using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;

namespace ExecGov.Credentials.Crypto;

/// <summary>
/// An IdentityModel <see cref="SignatureProvider"/> backed by NSec's Ed25519. Every signing and verifying
/// overload is overridden: the span and offset overloads throw IDX10267 by default, and token creation
/// on .NET 6+ goes through the span overload (IdentityModel issue #1970).
/// </summary>
internal sealed class Ed25519SignatureProvider : SignatureProvider
{
    private readonly Ed25519SecurityKey _key;

    public Ed25519SignatureProvider(Ed25519SecurityKey key, string algorithm, bool willCreateSignatures)
        : base(key, algorithm)
    {
        _key = key;
        WillCreateSignatures = willCreateSignatures;
        if (willCreateSignatures && key.PrivateKeyStatus != PrivateKeyStatus.Exists)
        {
            throw new InvalidOperationException($"Key {key.KeyId} has no private half and cannot sign.");
        }
    }

    public override byte[] Sign(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Sign(input, 0, input.Length);
    }

    public override byte[] Sign(byte[] input, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(input);
        var signature = new byte[SignatureAlgorithm.Ed25519.SignatureSize];
        _key.Sign(input.AsSpan(offset, count), signature);
        return signature;
    }

    public override bool Sign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        if (destination.Length < SignatureAlgorithm.Ed25519.SignatureSize)
        {
            bytesWritten = 0;
            return false;
        }

        _key.Sign(data, destination[..SignatureAlgorithm.Ed25519.SignatureSize]);
        bytesWritten = SignatureAlgorithm.Ed25519.SignatureSize;
        return true;
    }

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
}
