using System.Globalization;

namespace EdgeInfra.Components.Azure.Network;

/// <summary>
/// An IPv4 network in CIDR notation, such as <c>10.0.0.0/16</c>: a network address and a prefix length. Parsing is
/// strict: four decimal octets without leading zeros, a prefix length from 0 to 32, no whitespace, and no host bits
/// set (<c>10.0.0.1/16</c> is refused, naming the network address <c>10.0.0.0/16</c> it probably meant).
/// </summary>
public readonly record struct Ipv4Cidr
{
    private const string Example = "expected an IPv4 CIDR such as 10.0.0.0/16";

    private static readonly Ipv4Cidr[] PrivateRanges =
    [
        new(0x0A000000u, 8),   // 10.0.0.0/8 (RFC 1918)
        new(0xAC100000u, 12),  // 172.16.0.0/12 (RFC 1918)
        new(0xC0A80000u, 16),  // 192.168.0.0/16 (RFC 1918)
        new(0x64400000u, 10),  // 100.64.0.0/10 (RFC 6598 shared address space)
    ];

    /// <summary>The network <paramref name="networkAddress"/>/<paramref name="prefixLength"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The prefix length is not from 0 to 32, or host bits are set.</exception>
    public Ipv4Cidr(uint networkAddress, int prefixLength)
    {
        if (prefixLength is < 0 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(prefixLength), prefixLength, "An IPv4 prefix length is from 0 to 32.");
        }

        if ((networkAddress & ~MaskOf(prefixLength)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(networkAddress), networkAddress, $"{FormatAddress(networkAddress)}/{prefixLength} has host bits set.");
        }

        NetworkAddress = networkAddress;
        PrefixLength = prefixLength;
    }

    /// <summary>The network address as a 32-bit number (the first octet in the highest byte).</summary>
    public uint NetworkAddress { get; }

    /// <summary>The prefix length, from 0 to 32.</summary>
    public int PrefixLength { get; }

    /// <summary>How many addresses the network holds: 2^(32 − prefix length).</summary>
    public long Size => 1L << (32 - PrefixLength);

    /// <summary>The first address of the network (its network address), dotted: <c>10.0.0.0</c> for <c>10.0.0.0/16</c>.</summary>
    public string FirstAddress => FormatAddress(NetworkAddress);

    /// <summary>The last address of the network, dotted: <c>10.0.255.255</c> for <c>10.0.0.0/16</c>.</summary>
    public string LastAddress => FormatAddress(LastAddressValue);

    /// <summary>
    /// True when the whole network is private address space (RFC 1918 <c>10.0.0.0/8</c>, <c>172.16.0.0/12</c>,
    /// <c>192.168.0.0/16</c>, or RFC 6598 <c>100.64.0.0/10</c>); any other network holds public addresses.
    /// </summary>
    public bool IsPrivate
    {
        get
        {
            var self = this;
            return PrivateRanges.Any(range => range.Contains(self));
        }
    }

    private uint LastAddressValue => NetworkAddress | ~MaskOf(PrefixLength);

    /// <summary>Reads <paramref name="text"/>, such as <c>10.0.0.0/16</c>.</summary>
    /// <exception cref="FormatException">The text is not a strict IPv4 CIDR; the message says why.</exception>
    public static Ipv4Cidr Parse(string text) =>
        TryParse(text, out var cidr, out var error) ? cidr : throw new FormatException(error);

    /// <summary>
    /// Reads <paramref name="text"/>, such as <c>10.0.0.0/16</c>. On failure <paramref name="error"/> quotes the text
    /// and says what is wrong, e.g. <c>'10.0.0.1/16' has host bits set: its network address is 10.0.0.0/16</c>.
    /// </summary>
    public static bool TryParse(string? text, out Ipv4Cidr cidr, out string error)
    {
        cidr = default;
        error = Problem(text, out var address, out var prefixLength) is { } problem ? $"'{text}' {problem}" : string.Empty;
        if (error.Length > 0)
        {
            return false;
        }

        cidr = new Ipv4Cidr(address, prefixLength);
        return true;
    }

    /// <summary>True when every address of <paramref name="other"/> is in this network.</summary>
    public bool Contains(Ipv4Cidr other) =>
        other.PrefixLength >= PrefixLength && (other.NetworkAddress & MaskOf(PrefixLength)) == NetworkAddress;

    /// <summary>True when the two networks share at least one address (one of them then contains the other).</summary>
    public bool Overlaps(Ipv4Cidr other) => Contains(other) || other.Contains(this);

    /// <summary>The CIDR notation, e.g. <c>10.0.0.0/16</c>; <see cref="Parse"/> reads it back.</summary>
    public override string ToString() => $"{FirstAddress}/{PrefixLength.ToString(CultureInfo.InvariantCulture)}";

    private static uint MaskOf(int prefixLength) => prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);

    private static string FormatAddress(uint address) => string.Join('.', new[] { 24, 16, 8, 0 }.Select(shift => ((address >> shift) & 0xFF).ToString(CultureInfo.InvariantCulture)));

    private static string? Problem(string? text, out uint address, out int prefixLength)
    {
        address = 0;
        prefixLength = 0;
        if (string.IsNullOrEmpty(text))
        {
            return $"is empty: {Example}";
        }

        if (text.Any(char.IsWhiteSpace))
        {
            return $"contains whitespace: {Example}";
        }

        var parts = text.Split('/');
        if (parts.Length != 2)
        {
            return parts.Length == 1 ? $"has no prefix length: {Example}" : $"has more than one '/': {Example}";
        }

        var octets = parts[0].Split('.');
        if (octets.Length != 4)
        {
            return $"has {octets.Length} octet{(octets.Length == 1 ? string.Empty : "s")}: an IPv4 address has 4, {Example}";
        }

        foreach (var octet in octets)
        {
            if (DecimalProblem(octet, 255) is { } octetProblem)
            {
                return $"octet '{octet}' {octetProblem}";
            }

            address = (address << 8) | uint.Parse(octet, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        if (DecimalProblem(parts[1], 32) is { } prefixProblem)
        {
            return $"prefix length '{parts[1]}' {prefixProblem}";
        }

        prefixLength = int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture);
        var network = address & MaskOf(prefixLength);
        return network == address
            ? null
            : $"has host bits set: its network address is {FormatAddress(network)}/{prefixLength.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string? DecimalProblem(string digits, int maximum)
    {
        var rule = $"is not a number from 0 to {maximum.ToString(CultureInfo.InvariantCulture)}";
        if (digits.Length is 0 or > 3 || !digits.All(char.IsAsciiDigit))
        {
            return rule;
        }

        if (digits.Length > 1 && digits[0] == '0')
        {
            return "has a leading zero";
        }

        return int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) > maximum ? rule : null;
    }
}
