using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace EdgeInfra.Components.Tests.Rehearsal;

/// <summary>
/// The syslog socket of a rehearsed origin (<c>/dev/log</c> on a VM): a Unix datagram socket in the rehearsal's root
/// that keeps every message nginx sends it, as the VM's syslog daemon would receive it.
/// </summary>
internal sealed class SyslogStandIn : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly ConcurrentQueue<string> _messages = new();
    private readonly Task _receiving;

    /// <summary>Binds <paramref name="path"/> and starts receiving.</summary>
    public SyslogStandIn(string path)
    {
        Path = path;
        _socket.Bind(new UnixDomainSocketEndPoint(path));
        // nginx's workers (nobody, when the rehearsal runs as root) write to it, as to /dev/log on a VM.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);
        }
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>Where the socket is bound.</summary>
    public string Path { get; }

    /// <summary>The messages received so far, each as sent (<c>&lt;PRI&gt;TIMESTAMP HOST TAG: MESSAGE</c>).</summary>
    public IReadOnlyList<string> Messages => [.. _messages];

    /// <summary>
    /// The messages that contain <paramref name="text"/>, once as many as <paramref name="count"/> have arrived or two
    /// seconds have passed (nginx logs a request after answering it).
    /// </summary>
    public async Task<List<string>> WaitForAsync(string text, int count)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var found = Messages.Where(message => message.Contains(text, StringComparison.Ordinal)).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return [.. Messages.Where(message => message.Contains(text, StringComparison.Ordinal))];
    }

    public void Dispose()
    {
        _socket.Dispose();
        try
        {
            _receiving.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The receive loop ends with the socket.
        }

        File.Delete(Path);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[8192];
        while (true)
        {
            int length;
            try
            {
                length = await _socket.ReceiveAsync(buffer, SocketFlags.None);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return;
            }

            _messages.Enqueue(Encoding.UTF8.GetString(buffer, 0, length));
        }
    }
}
