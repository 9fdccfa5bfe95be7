using System.Net;
using System.Net.Sockets;

namespace SlackJit.Tests.Fakes.Net;

/// <summary>
/// A port on 127.0.0.1 that accepts connections and never answers (until disposed): only a client's own timeout
/// ends a call.
/// </summary>
internal sealed class SilentPort : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public SilentPort()
    {
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
    }

    /// <summary><c>http://127.0.0.1:port</c>.</summary>
    public string Url { get; }

    public void Dispose() => _listener.Dispose();
}
