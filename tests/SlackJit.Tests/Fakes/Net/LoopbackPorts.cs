using System.Net;
using System.Net.Sockets;

namespace SlackJit.Tests.Fakes.Net;

/// <summary>Ports on 127.0.0.1 for tests: one the system just handed out, on which nothing listens any more.</summary>
internal static class LoopbackPorts
{
    /// <summary>A free port (for a process to listen on, or as a closed port that refuses connections).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary><c>http://127.0.0.1:port{path}</c> on a port nothing listens on: connections are refused.</summary>
    public static string ClosedUrl(string path = "") => $"http://127.0.0.1:{Free()}{path}";
}
