using System.Security.Cryptography;
using System.Text;

namespace EdgeInfra.Components.Identity;

/// <summary>
/// RFC 4122 §4.3 name-based UUIDs, version 5 (SHA-1): the same namespace and name always give the same UUID, so ids
/// derived at synthesis never change between runs.
/// </summary>
internal static class NameBasedUuid
{
    /// <summary>RFC 4122 Appendix C's name space for URLs, <c>6ba7b811-9dad-11d1-80b4-00c04fd430c8</c>.</summary>
    public static readonly Guid UrlNamespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    /// <summary>The version 5 UUID of <paramref name="name"/> (UTF-8) in <paramref name="namespaceId"/>, lowercase <c>8-4-4-4-12</c>.</summary>
    public static string Version5(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var space = namespaceId.ToByteArray(bigEndian: true);
        var text = Encoding.UTF8.GetBytes(name);
        var input = new byte[space.Length + text.Length];
        space.CopyTo(input, 0);
        text.CopyTo(input, space.Length);
#pragma warning disable CA5350 // RFC 4122 version 5 is defined on SHA-1; the id is a name, not a secret
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
