using EdgeInfra.Components.Application;
using EdgeInfra.Components.Azure.Compute;
using EdgeInfra.Components.Azure.Network;
using static EdgeInfra.Components.Tests.ComponentHarness;

namespace EdgeInfra.Components.Tests.Application;

public sealed partial class EdgeFrontedApplicationTests
{
    private static readonly OriginRegionSpec[] KongAndIisRegions =
    [
        TwoRegions[0] with { Flavor = OriginFlavor.Kong },
        TwoRegions[1] with { Flavor = OriginFlavor.Iis },
    ];

    [Fact]
    public void Each_region_runs_its_own_flavor_with_what_that_flavor_needs()
    {
        EdgeFrontedApplication? app = null;
        var program = SynthConforming(() => app = new EdgeFrontedApplication("app", Args(OriginFlavor.Nginx, KongAndIisRegions)));
        Assert.Empty(InternetExposure.Find(program));
        Assert.Null(app!.Clusters[0].AdminPasswordSecret);
        Assert.NotNull(app.Clusters[1].AdminPasswordSecret);
        Assert.Contains("kong", VmSection(program, "app-neu-origin-vm-1"), StringComparison.Ordinal);
        Assert.Contains("linuxConfiguration", VmSection(program, "app-neu-origin-vm-1"), StringComparison.Ordinal);
        Assert.Contains("windowsConfiguration", VmSection(program, "app-weu-origin-vm-1"), StringComparison.Ordinal);
        Assert.DoesNotContain("ssh", VmSection(program, "app-weu-origin-vm-1"), StringComparison.Ordinal);
        Assert.Contains("AzureMonitorLinuxAgent", VmSection(program, "app-monitoring-app-neu-origin-vm-1-ama"), StringComparison.Ordinal);
        Assert.Contains("AzureMonitorWindowsAgent", VmSection(program, "app-monitoring-app-weu-origin-vm-1-ama"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_without_its_own_flavor_runs_the_applications()
    {
        var args = Args(OriginFlavor.Iis, [TwoRegions[0], TwoRegions[1] with { Flavor = OriginFlavor.Nginx }], withSshKey: true);
        Assert.Equal([OriginFlavor.Iis, OriginFlavor.Nginx], args.Regions.Select(args.FlavorOf));
        EdgeFrontedApplication? app = null;
        Synth(() => app = new EdgeFrontedApplication("app", args));
        Assert.NotNull(app!.Clusters[0].AdminPasswordSecret);
        Assert.Null(app.Clusters[1].AdminPasswordSecret);
    }

    [Fact]
    public void The_ssh_key_is_required_by_a_linux_region_and_refused_when_every_region_runs_iis()
    {
        var missing = Errors(() => new EdgeFrontedApplication("app", Args(OriginFlavor.Iis, [TwoRegions[0], TwoRegions[1] with { Flavor = OriginFlavor.Kong }], withSshKey: false)));
        Assert.Equal(
            [$"{Subject}, property 'adminSshPublicKey': missing: regions[1].flavor is Kong, which runs Linux, where the administrator signs in with an SSH key only (password authentication is disabled)"],
            missing.Select(e => e.ToString()));

        var unused = Errors(() => new EdgeFrontedApplication("app", Args(OriginFlavor.Nginx, [.. TwoRegions.Select(r => r with { Flavor = OriginFlavor.Iis })], withSshKey: true)));
        Assert.Equal(
            [$"{Subject}, property 'adminSshPublicKey': is given but every region runs the Iis flavor: Windows VMs sign in with the generated admin password stored in Key Vault; remove it"],
            unused.Select(e => e.ToString()));
    }

    [Fact]
    public void An_unknown_region_flavor_names_the_region()
    {
        var errors = Errors(() => new EdgeFrontedApplication("app", Args(OriginFlavor.Nginx, [TwoRegions[0], TwoRegions[1] with { Flavor = (OriginFlavor)9 }])));
        Assert.Equal(
            [$"{Subject}, property 'regions[1].flavor': '9' is not an origin flavor: one of Nginx, Kong, Iis (or null for the application's flavor)"],
            errors.Select(e => e.ToString()));
    }

    /// <summary>The lines of the program's resource <paramref name="name"/>, up to the next resource.</summary>
    private static string VmSection(string program, string name)
    {
        var start = program.IndexOf($"\n  {name}:\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no resource {name}");
        var end = program.IndexOf("\n  app-", start + name.Length + 4, StringComparison.Ordinal);
        return program[start..(end < 0 ? program.Length : end)];
    }
}
