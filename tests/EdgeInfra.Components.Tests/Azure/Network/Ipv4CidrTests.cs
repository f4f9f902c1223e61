using EdgeInfra.Components.Azure.Network;
using FsCheck;
using FsCheck.Fluent;

namespace EdgeInfra.Components.Tests.Azure.Network;

public sealed class Ipv4CidrTests
{
    /// <summary>Any valid CIDR: a random address with its host bits cleared, and a prefix length from 0 to 32.</summary>
    private static readonly Gen<Ipv4Cidr> AnyCidr =
        from high in Gen.Choose(0, 0xFFFF)
        from low in Gen.Choose(0, 0xFFFF)
        from prefixLength in Gen.Choose(0, 32)
        let address = ((uint)high << 16) | (uint)low
        select new Ipv4Cidr(prefixLength == 0 ? 0u : address & (uint.MaxValue << (32 - prefixLength)), prefixLength);

    /// <summary>Small networks near each other, so that overlaps happen often.</summary>
    private static readonly Gen<Ipv4Cidr> NearbyCidr =
        from third in Gen.Choose(0, 3)
        from fourth in Gen.Choose(0, 255)
        from prefixLength in Gen.Choose(22, 32)
        let address = 0x0A000000u | ((uint)third << 8) | (uint)fourth
        select new Ipv4Cidr(address & (uint.MaxValue << (32 - prefixLength)), prefixLength);

    [Theory]
    [InlineData("10.0.0.0/16", "10.0.0.0", "10.0.255.255", 65536L)]
    [InlineData("192.168.1.128/25", "192.168.1.128", "192.168.1.255", 128L)]
    [InlineData("0.0.0.0/0", "0.0.0.0", "255.255.255.255", 4294967296L)]
    [InlineData("23.45.67.89/32", "23.45.67.89", "23.45.67.89", 1L)]
    public void A_cidr_reads_with_its_first_and_last_address_and_size(string text, string first, string last, long size)
    {
        var cidr = Ipv4Cidr.Parse(text);
        Assert.Equal(first, cidr.FirstAddress);
        Assert.Equal(last, cidr.LastAddress);
        Assert.Equal(size, cidr.Size);
        Assert.Equal(text, cidr.ToString());
    }

    [Theory]
    [InlineData("10.0.0.1/16", "'10.0.0.1/16' has host bits set: its network address is 10.0.0.0/16")]
    [InlineData("10.0.1.0/30x", "'10.0.1.0/30x' prefix length '30x' is not a number from 0 to 32")]
    [InlineData("10.0.0.0/33", "'10.0.0.0/33' prefix length '33' is not a number from 0 to 32")]
    [InlineData("10.0.0.0/", "'10.0.0.0/' prefix length '' is not a number from 0 to 32")]
    [InlineData("10.0.0.0/08", "'10.0.0.0/08' prefix length '08' has a leading zero")]
    [InlineData("10.0.0.256/32", "'10.0.0.256/32' octet '256' is not a number from 0 to 255")]
    [InlineData("10.0.0.-1/32", "'10.0.0.-1/32' octet '-1' is not a number from 0 to 255")]
    [InlineData("10.00.0.0/16", "'10.00.0.0/16' octet '00' has a leading zero")]
    [InlineData("10.0.0/16", "'10.0.0/16' has 3 octets: an IPv4 address has 4, expected an IPv4 CIDR such as 10.0.0.0/16")]
    [InlineData("10.0.0.0", "'10.0.0.0' has no prefix length: expected an IPv4 CIDR such as 10.0.0.0/16")]
    [InlineData("10.0.0.0/16/2", "'10.0.0.0/16/2' has more than one '/': expected an IPv4 CIDR such as 10.0.0.0/16")]
    [InlineData(" 10.0.0.0/16", "' 10.0.0.0/16' contains whitespace: expected an IPv4 CIDR such as 10.0.0.0/16")]
    [InlineData("10.0.0.0 /16", "'10.0.0.0 /16' contains whitespace: expected an IPv4 CIDR such as 10.0.0.0/16")]
    [InlineData("", "'' is empty: expected an IPv4 CIDR such as 10.0.0.0/16")]
    [InlineData("fd00::/8", "'fd00::/8' has 1 octet: an IPv4 address has 4, expected an IPv4 CIDR such as 10.0.0.0/16")]
    public void Anything_but_a_strict_cidr_is_refused_saying_why(string text, string error)
    {
        Assert.False(Ipv4Cidr.TryParse(text, out _, out var actual));
        Assert.Equal(error, actual);
        Assert.Equal(error, Assert.Throws<FormatException>(() => Ipv4Cidr.Parse(text)).Message);
    }

    [Fact]
    public void Containment_and_overlap_follow_the_address_ranges()
    {
        var vnet = Ipv4Cidr.Parse("10.0.0.0/16");
        var subnet = Ipv4Cidr.Parse("10.0.1.0/24");
        var elsewhere = Ipv4Cidr.Parse("10.1.0.0/24");
        Assert.True(vnet.Contains(subnet));
        Assert.False(subnet.Contains(vnet));
        Assert.True(subnet.Overlaps(vnet));
        Assert.False(vnet.Overlaps(elsewhere));
        Assert.True(vnet.Contains(vnet));
        Assert.True(Ipv4Cidr.Parse("0.0.0.0/0").Contains(elsewhere));
    }

    [Theory]
    [InlineData("10.20.0.0/16", true)]
    [InlineData("172.31.0.0/16", true)]
    [InlineData("172.32.0.0/16", false)]
    [InlineData("192.168.10.0/24", true)]
    [InlineData("100.64.0.0/10", true)]
    [InlineData("23.0.0.0/12", false)]
    [InlineData("0.0.0.0/0", false)]
    [InlineData("8.0.0.0/7", false)]
    public void Private_means_wholly_inside_private_address_space(string text, bool isPrivate) =>
        Assert.Equal(isPrivate, Ipv4Cidr.Parse(text).IsPrivate);

    [Fact]
    public void A_network_with_host_bits_cannot_be_constructed() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Ipv4Cidr(0x0A000001u, 16));

    [Fact]
    public void Formatting_then_parsing_gives_the_same_cidr() =>
        Prop.ForAll(AnyCidr.ToArbitrary(), cidr => Ipv4Cidr.Parse(cidr.ToString()) == cidr)
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Overlap_is_symmetric() =>
        Prop.ForAll(NearbyCidr.Two().ToArbitrary(), pair => pair.Item1.Overlaps(pair.Item2) == pair.Item2.Overlaps(pair.Item1))
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Containment_implies_overlap() =>
        Prop.ForAll(NearbyCidr.Two().ToArbitrary(), pair => !pair.Item1.Contains(pair.Item2) || pair.Item1.Overlaps(pair.Item2))
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Overlap_means_sharing_an_address() =>
        Prop.ForAll(NearbyCidr.Two().ToArbitrary(), pair =>
        {
            var (a, b) = pair;
            var shares = Math.Max(a.NetworkAddress, b.NetworkAddress) <= Math.Min(a.NetworkAddress + (a.Size - 1), b.NetworkAddress + (b.Size - 1));
            return a.Overlaps(b) == shares;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void The_last_address_is_the_first_plus_size_minus_one() =>
        Prop.ForAll(AnyCidr.ToArbitrary(), cidr =>
            Ipv4Cidr.Parse($"{cidr.LastAddress}/32").NetworkAddress == cidr.NetworkAddress + (cidr.Size - 1))
            .QuickCheckThrowOnFailure();
}
