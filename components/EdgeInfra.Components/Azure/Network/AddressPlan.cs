using System.Globalization;

namespace EdgeInfra.Components.Azure.Network;

/// <summary>
/// A checked address plan: a virtual network's address space and its subnets, each /29 or larger (Azure's
/// minimum), inside the address space, not overlapping each other, with at least the usable addresses asked for
/// (Azure reserves <see cref="ReservedAddressesPerSubnet"/> addresses in every subnet).
/// </summary>
public sealed class AddressPlan
{
    /// <summary>The addresses Azure reserves in every subnet: the network address, three for Azure services and the broadcast address.</summary>
    public const int ReservedAddressesPerSubnet = 5;

    /// <summary>The longest prefix length an Azure subnet may have: /29 (8 addresses, 3 usable).</summary>
    public const int SmallestSubnetPrefixLength = 29;

    private AddressPlan(IReadOnlyList<Ipv4Cidr> addressSpace, IReadOnlyDictionary<string, Ipv4Cidr> subnets)
    {
        AddressSpace = addressSpace;
        Subnets = subnets;
    }

    /// <summary>The address space, in the order given.</summary>
    public IReadOnlyList<Ipv4Cidr> AddressSpace { get; }

    /// <summary>Each subnet's address range, by subnet name.</summary>
    public IReadOnlyDictionary<string, Ipv4Cidr> Subnets { get; }

    /// <summary>How many addresses of <paramref name="subnet"/> a VM can take: its size minus the 5 Azure reserves.</summary>
    public static long UsableAddresses(Ipv4Cidr subnet) => subnet.Size - ReservedAddressesPerSubnet;

    /// <summary>
    /// Checks <paramref name="addressSpace"/> and <paramref name="subnets"/>, recording every problem in
    /// <paramref name="errors"/> under the property names <c>addressSpace[i]</c> and <c>subnets[i].…</c>.
    /// </summary>
    /// <returns>The plan, or null when anything is wrong.</returns>
    public static AddressPlan? Check(IReadOnlyList<string> addressSpace, IReadOnlyList<SubnetSpec> subnets, ComponentErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        addressSpace ??= [];
        subnets ??= [];
        var valid = true;
        var spaces = new List<(int Index, Ipv4Cidr Cidr)>();
        if (addressSpace.Count == 0)
        {
            errors.Add("addressSpace", "is empty: a virtual network needs at least one address range, e.g. 10.0.0.0/16");
            valid = false;
        }

        for (var i = 0; i < addressSpace.Count; i++)
        {
            if (!Ipv4Cidr.TryParse(addressSpace[i], out var cidr, out var error))
            {
                errors.Add($"addressSpace[{i}]", error);
                valid = false;
                continue;
            }

            foreach (var (otherIndex, other) in spaces.Where(s => s.Cidr.Overlaps(cidr)))
            {
                errors.Add($"addressSpace[{i}]", $"'{cidr}' overlaps addressSpace[{otherIndex}] '{other}': address ranges of a virtual network must not overlap");
                valid = false;
            }

            spaces.Add((i, cidr));
        }

        if (subnets.Count == 0)
        {
            errors.Add("subnets", "is empty: an origin network needs at least one subnet");
            valid = false;
        }

        var planned = new List<(int Index, string Name, Ipv4Cidr Cidr)>();
        for (var i = 0; i < subnets.Count; i++)
        {
            var subnet = subnets[i];
            if (subnet is null)
            {
                errors.Add($"subnets[{i}]", "is null");
                valid = false;
                continue;
            }

            if (subnet.MinimumHosts is < 1)
            {
                errors.Add($"subnets[{i}].minimumHosts", $"{subnet.MinimumHosts.Value.ToString(CultureInfo.InvariantCulture)} is not a number of hosts: it must be at least 1");
                valid = false;
            }

            if (!Ipv4Cidr.TryParse(subnet.AddressPrefix, out var cidr, out var error))
            {
                errors.Add($"subnets[{i}].addressPrefix", error);
                valid = false;
                continue;
            }

            if (cidr.PrefixLength > SmallestSubnetPrefixLength)
            {
                errors.Add($"subnets[{i}].addressPrefix", $"'{cidr}' is smaller than /{SmallestSubnetPrefixLength}: Azure subnets must be /{SmallestSubnetPrefixLength} or larger");
                valid = false;
                continue;
            }

            if (spaces.Count > 0 && !spaces.Any(s => s.Cidr.Contains(cidr)))
            {
                errors.Add($"subnets[{i}].addressPrefix", $"'{cidr}' is not inside the address space {string.Join(", ", spaces.Select(s => s.Cidr))}: a subnet must lie within one of the virtual network's address ranges");
                valid = false;
            }

            foreach (var (otherIndex, otherName, other) in planned.Where(p => p.Cidr.Overlaps(cidr)))
            {
                errors.Add($"subnets[{i}].addressPrefix", $"'{cidr}' overlaps subnets[{otherIndex}] '{otherName}' ({other}): subnets must not overlap");
                valid = false;
            }

            var usable = UsableAddresses(cidr);
            if (subnet.MinimumHosts is { } minimum and >= 1 && usable < minimum)
            {
                errors.Add($"subnets[{i}].minimumHosts", $"'{cidr}' has {usable.ToString(CultureInfo.InvariantCulture)} usable addresses ({cidr.Size.ToString(CultureInfo.InvariantCulture)} minus the {ReservedAddressesPerSubnet} Azure reserves), fewer than the {minimum.ToString(CultureInfo.InvariantCulture)} asked");
                valid = false;
            }

            planned.Add((i, subnet.Name ?? string.Empty, cidr));
        }

        if (!valid)
        {
            return null;
        }

        return new AddressPlan(
            [.. spaces.Select(s => s.Cidr)],
            planned.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Cidr, StringComparer.Ordinal));
    }
}
