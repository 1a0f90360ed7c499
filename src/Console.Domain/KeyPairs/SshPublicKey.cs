using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EcsConsole.Domain.KeyPairs;

/// <summary>
/// An OpenSSH public key (<c>type base64-blob [comment]</c>, RFC 4253 §6.6): parsed and checked as ImportKeyPair checks
/// it, fingerprinted as ECS shows it (RFC 4716: the MD5 of the blob, colon-separated hex), and made for a new RSA pair.
/// </summary>
public sealed record SshPublicKey(string Type, byte[] Blob)
{
    /// <summary>The longest public key line kept (an RSA 16384-bit key is about 2.8 KB).</summary>
    public const int MaxLength = 8192;

    /// <summary>The key types ImportKeyPair accepts (the ECS ImportKeyPair reference: RSA, DSA, ECDSA and their certificates).</summary>
    public static readonly IReadOnlyList<string> SupportedTypes =
    [
        "ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "ssh-rsa-cert-v00@openssh.com", "ssh-dss-cert-v00@openssh.com", "ssh-rsa-cert-v01@openssh.com", "ssh-dss-cert-v01@openssh.com",
        "ecdsa-sha2-nistp256-cert-v01@openssh.com", "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521-cert-v01@openssh.com",
    ];

    /// <summary>The RFC 4716 fingerprint: MD5 of the blob, as 16 colon-separated lower-case hex pairs.</summary>
    public string FingerPrint => string.Join(':', MD5.HashData(Blob).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

    /// <summary>The key as one OpenSSH line, without a comment.</summary>
    public override string ToString() => $"{Type} {Convert.ToBase64String(Blob)}";

    /// <summary>
    /// The key in <paramref name="text"/>, or null when it is not an OpenSSH public key of a supported type: the type word,
    /// Base64 that decodes, a blob whose first string names the same type and, for <c>ssh-rsa</c>, exactly an exponent and
    /// a modulus.
    /// </summary>
    public static SshPublicKey? Parse(string? text)
    {
        var parts = (text ?? "").Trim().Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || text!.Length > MaxLength || !SupportedTypes.Contains(parts[0], StringComparer.Ordinal))
        {
            return null;
        }

        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(parts[1]);
        }
        catch (FormatException)
        {
            return null;
        }

        var reader = new BlobReader(blob);
        if (reader.String() is not { } type || Encoding.ASCII.GetString(type) != parts[0])
        {
            return null;
        }

        if (parts[0] == "ssh-rsa")
        {
            var exponent = reader.String();
            var modulus = reader.String();
            if (exponent is not { Length: > 0 } || modulus is not { Length: > 0 } || !reader.AtEnd)
            {
                return null;
            }
        }

        return new SshPublicKey(parts[0], blob);
    }

    /// <summary>The public half of <paramref name="rsa"/> as an <c>ssh-rsa</c> key.</summary>
    public static SshPublicKey FromRsa(RSA rsa)
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        using var blob = new MemoryStream();
        WriteString(blob, Encoding.ASCII.GetBytes("ssh-rsa"));
        WriteString(blob, MpInt(parameters.Exponent!));
        WriteString(blob, MpInt(parameters.Modulus!));
        return new SshPublicKey("ssh-rsa", blob.ToArray());
    }

    private static void WriteString(Stream stream, byte[] value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, value.Length);
        stream.Write(length);
        stream.Write(value);
    }

    /// <summary>An unsigned big-endian integer as an SSH mpint: a leading zero byte when its high bit is set.</summary>
    private static byte[] MpInt(byte[] unsigned)
    {
        var start = 0;
        while (start < unsigned.Length - 1 && unsigned[start] == 0)
        {
            start++;
        }

        var trimmed = unsigned[start..];
        return trimmed[0] >= 0x80 ? [0, .. trimmed] : trimmed;
    }

    /// <summary>Reads the length-prefixed strings of a key blob; null past the end.</summary>
    private sealed class BlobReader(byte[] blob)
    {
        private int _at;

        public bool AtEnd => _at == blob.Length;

        public byte[]? String()
        {
            if (blob.Length - _at < 4)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(_at));
            if (length > (uint)(blob.Length - _at - 4))
            {
                return null;
            }

            var value = blob.AsSpan(_at + 4, (int)length).ToArray();
            _at += 4 + (int)length;
            return value;
        }
    }
}
