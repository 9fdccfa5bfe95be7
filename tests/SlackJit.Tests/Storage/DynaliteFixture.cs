using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using SlackJit.Tests.Fakes.Net;

namespace SlackJit.Tests.Storage;

/// <summary>
/// Runs dynalite (a DynamoDB-protocol server, pinned in the root package.json) on a free loopback
/// port for the life of a test class. Missing Node or dynalite is an error that says what to run,
/// never a silent skip.
/// </summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly StringBuilder _output = new();
    private Process? _process;

    public Uri ServiceUrl { get; private set; } = new("http://127.0.0.1:1");

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Find();
        var cli = Path.Combine(root, "node_modules", "dynalite", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException(
                $"dynalite is not installed: run `npm ci` in the repository root ({root}); it needs Node 20 or later.");
        }
        int port = LoopbackPorts.Free();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0" })
        {
            start.ArgumentList.Add(arg);
        }
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                "Node.js is not installed (no `node` on PATH): install Node 20 or later, then run `npm ci` in the repository root.", ex);
        }
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilListeningAsync(port);
        ServiceUrl = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>A client pointed at this server with fake credentials; the SDK's signing and parsing run for real.</summary>
    /// <param name="httpClientFactory">The SDK's HTTP clients, e.g. ones that stop dead when an app crashes.</param>
    public IAmazonDynamoDB CreateClient(HttpClientFactory? httpClientFactory = null)
    {
        var config = new AmazonDynamoDBConfig
        {
            // RegionEndpoint first: setting it after ServiceURL would clear ServiceURL.
            RegionEndpoint = RegionEndpoint.USEast1,
            ServiceURL = ServiceUrl.ToString(),
            AuthenticationRegion = "us-east-1",
            Timeout = TimeSpan.FromSeconds(10),
        };
        if (httpClientFactory is not null)
        {
            config.HttpClientFactory = httpClientFactory;
        }
        return new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), config);
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"dynalite exited with code {_process.ExitCode}: {Output()}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new InvalidOperationException($"dynalite did not listen on 127.0.0.1:{port} within {StartTimeout}: {Output()}");
    }


    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
