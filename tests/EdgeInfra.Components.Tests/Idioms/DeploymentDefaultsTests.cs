using EdgeInfra.Random;
using EdgeInfra.Testing;

namespace EdgeInfra.Components.Tests.Idioms;

/// <summary>What a consumer gets without knowing the settings a test harness passes.</summary>
public sealed class DeploymentDefaultsTests
{
    [Fact]
    public void Synthesize_without_packages_discovers_the_pinned_versions()
    {
        var program = Deployment.Synthesize(
            () => new PasswordStack(),
            new DeploymentSettings { ProjectName = "consumer", StackName = "dev" });

        Assert.Contains("type: \"random:index/randomPassword:RandomPassword\"", program);
        Assert.Contains("version: \"4.21.1\"", program);
    }

    [Fact]
    public async Task TestAsync_throws_the_SynthesisException_a_stack_constructor_causes()
    {
        var failure = await Assert.ThrowsAsync<SynthesisException>(
            () => Deployment.TestAsync<ThrowingStack>(new ComponentMocks()));

        Assert.Contains("region 'mars' is not served", failure.Message);
    }

    [Fact]
    public async Task TestAsync_passes_a_SynthesisException_of_the_constructor_through()
    {
        var failure = await Assert.ThrowsAsync<SynthesisException>(
            () => Deployment.TestAsync<InvalidNameStack>(new ComponentMocks()));

        Assert.Contains(failure.Errors, e => e.Property == "name");
    }

    private sealed class PasswordStack : Stack
    {
        public PasswordStack() => _ = new RandomPassword("admin", new RandomPasswordArgs { Length = 24 });
    }

    private sealed class ThrowingStack : Stack
    {
        public ThrowingStack() => throw new ArgumentException("region 'mars' is not served");
    }

    private sealed class InvalidNameStack : Stack
    {
        public InvalidNameStack() => _ = new RandomPassword("bad name!", new RandomPasswordArgs { Length = 24 });
    }
}
