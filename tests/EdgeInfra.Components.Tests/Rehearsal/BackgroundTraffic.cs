using System.Diagnostics;
using System.Net;

namespace EdgeInfra.Components.Tests.Rehearsal;

/// <summary>
/// Requests sent one after another in the background while a rehearsal changes something, bounded in count and time;
/// every answer that is not 200 is recorded.
/// </summary>
internal sealed class BackgroundTraffic : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _failures = [];
    private readonly Task _loop;
    private int _sent;

    private BackgroundTraffic(Func<Task<(HttpStatusCode Status, string Body)>> send, int maxRequests, TimeSpan maxDuration)
    {
        _stop = new CancellationTokenSource(maxDuration);
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested && _sent < maxRequests)
            {
                var (status, body) = await send();
                Interlocked.Increment(ref _sent);
                if (status != HttpStatusCode.OK)
                {
                    lock (_failures)
                    {
                        _failures.Add($"{status} after {_clock.ElapsedMilliseconds} ms: {body}");
                    }
                }
            }
        });
    }

    /// <summary>How many requests were sent.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>The answers that were not 200, in order.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_failures)
            {
                return [.. _failures];
            }
        }
    }

    /// <summary>How long the traffic ran, in milliseconds.</summary>
    public long ElapsedMilliseconds => _clock.ElapsedMilliseconds;

    /// <summary>Starts sending with <paramref name="send"/>, at most <paramref name="maxRequests"/> requests and <paramref name="maxDuration"/>.</summary>
    public static BackgroundTraffic Start(Func<Task<(HttpStatusCode Status, string Body)>> send, int maxRequests, TimeSpan maxDuration) =>
        new(send, maxRequests, maxDuration);

    /// <summary>Stops sending and waits for the request in flight.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _clock.Stop();
    }

    public void Dispose() => _stop.Dispose();
}
