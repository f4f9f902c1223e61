using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EdgeInfra.Components.Tests.Azure.Compute;

/// <summary>Starts and runs the processes of an origin rehearsal with its environment; every run is bounded to 60 seconds.</summary>
internal static class RehearsalProcess
{
    /// <summary>Starts <paramref name="file"/> with <paramref name="environment"/> added to this process's own.</summary>
    public static Process Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return Process.Start(info)!;
    }

    /// <summary>Runs <paramref name="file"/> to its end and returns its exit code and its standard error.</summary>
    public static async Task<(int ExitCode, string Error)> RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        using var process = Start(file, arguments, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await Task.WhenAll(output, error);
        return (process.ExitCode, await error);
    }

    /// <summary>A free TCP port on 127.0.0.1.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
