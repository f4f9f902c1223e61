using EdgeInfra.Components.Azure;
using EdgeInfra.Components.Azure.Network;

namespace EdgeInfra.Components.Tests.Azure.Network;

public sealed class AddressPlanTests
{
    [Theory]
    [InlineData("10.0.0.0/29", 3L)]
    [InlineData("10.0.0.0/28", 11L)]
    [InlineData("10.0.0.0/24", 251L)]
    [InlineData("10.0.0.0/16", 65531L)]
    public void Azure_reserves_five_addresses_in_every_subnet(string subnet, long usable) =>
        Assert.Equal(usable, AddressPlan.UsableAddresses(Ipv4Cidr.Parse(subnet)));

    [Fact]
    public void A_valid_plan_holds_the_parsed_address_space_and_subnets()
    {
        var errors = new ComponentErrors("test");
        var plan = AddressPlan.Check(
            ["10.0.0.0/16", "10.1.0.0/24"],
            [new SubnetSpec { Name = "web", AddressPrefix = "10.0.0.0/24" }, new SubnetSpec { Name = "data", AddressPrefix = "10.1.0.0/29", MinimumHosts = 3 }],
            errors);
        Assert.True(errors.IsEmpty);
        Assert.NotNull(plan);
        Assert.Equal(["10.0.0.0/16", "10.1.0.0/24"], plan.AddressSpace.Select(c => c.ToString()));
        Assert.Equal(Ipv4Cidr.Parse("10.1.0.0/29"), plan.Subnets["data"]);
    }

    [Fact]
    public void A_subnet_may_lie_in_any_address_range_but_not_across_two()
    {
        var errors = new ComponentErrors("test");
        var plan = AddressPlan.Check(["10.0.0.0/24", "10.0.1.0/24"], [new SubnetSpec { Name = "web", AddressPrefix = "10.0.0.0/23" }], errors);
        Assert.Null(plan);
        var error = Assert.Single(Assert.Throws<SynthesisException>(errors.ThrowIfAny).Errors);
        Assert.Equal(
            ("test", "subnets[0].addressPrefix", "'10.0.0.0/23' is not inside the address space 10.0.0.0/24, 10.0.1.0/24: a subnet must lie within one of the virtual network's address ranges"),
            (error.Subject, error.Property, error.Message));
    }
}
