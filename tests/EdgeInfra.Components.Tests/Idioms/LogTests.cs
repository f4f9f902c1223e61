using EdgeInfra.Random;

namespace EdgeInfra.Components.Tests.Idioms;

/// <summary><see cref="Log"/>: messages go to standard error (never the program) and tests capture them.</summary>
public sealed class LogTests
{
    [Fact]
    public async Task A_test_run_captures_messages_with_their_resource()
    {
        RandomPassword? password = null;
        var result = await ComponentHarness.RunAsync(() =>
        {
            Log.Info("building the stack");
            password = new RandomPassword("admin", new RandomPasswordArgs { Length = 24 });
            Log.Warn("no rotation schedule", password);
        });

        Assert.Equal(
            [new LogEntry(LogSeverity.Info, "building the stack", null), new LogEntry(LogSeverity.Warning, "no rotation schedule", password)],
            result.Log);
        Assert.Equal(
            "warning: resource 'admin' (random:index/randomPassword:RandomPassword): no rotation schedule",
            result.Log[1].ToString());
    }

    [Fact]
    public void Messages_are_written_to_the_log_writer_and_never_into_the_program()
    {
        var log = new StringWriter();
        var program = Deployment.Synthesize(
            () => new LoggingStack(),
            ComponentHarness.Settings() with { LogWriter = log });

        Assert.Equal("info: hello from the stack" + Environment.NewLine, log.ToString());
        Assert.DoesNotContain("hello", program);
    }

    [Fact]
    public void A_logged_error_fails_synthesis_with_the_message_and_resource()
    {
        var errors = ComponentHarness.Errors(() =>
        {
            var password = new RandomPassword("admin", new RandomPasswordArgs { Length = 8 });
            Log.Error("passwords shorter than 16 characters are refused by policy", password);
        });

        var error = Assert.Single(errors);
        Assert.Equal("resource 'admin' (random:index/randomPassword:RandomPassword)", error.Subject);
        Assert.Contains("passwords shorter than 16 characters", error.Message);
    }

    private sealed class LoggingStack : Stack
    {
        public LoggingStack() => Log.Info("hello from the stack");
    }
}
