using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.SignalR.Client;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Scale;

/// <summary>
/// The built app as a real child process (<c>dotnet RelayDesk.Web.dll</c>) on a loopback port of its own and a data
/// folder (SQLite file, customer-token key) that a later process on the same folder takes over — so a test can kill it
/// the way a machine dies (<see cref="KillAsync"/> is SIGKILL on Linux) and start it again. Clients speak to it over real
/// sockets.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    /// <summary>How long a start may take on a loaded CI machine (migrations, demo staff) before it counts as failed.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private const int OutputLinesKept = 200;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The last lines the process wrote to stdout and stderr, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts the app on <paramref name="folder"/> and returns once <c>GET /health</c> answers 200.</summary>
    public static async Task<AppProcess> StartAsync(string folder)
    {
        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Development" },
        };
        foreach (var argument in new[]
        {
            // The app as the test project built it: the project reference copies it (with its runtimeconfig) beside the tests.
            Path.Combine(Path.GetDirectoryName(typeof(Program).Assembly.Location)!, "RelayDesk.Web.dll"),
            "--contentRoot", WebProjectFolder(),
            "--urls", $"http://127.0.0.1:{port}",
            "--Database:Path", Path.Combine(folder, "relaydesk.db"),
            "--CustomerTokens:KeyFile", Path.Combine(folder, "customer-token.key"),
            "--Assistant:ModelCacheDirectory", RelayDeskFactory.SharedModelCache,
            "--Demo:Password", RelayDeskFactory.DemoPassword,
            "--Demo:Customers", "0",
            "--Demo:HistoryWeeks", "0",
            "--Routing:AroundTheClock", "true",
            "--RateLimits:Enabled", "false",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilHealthyAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    public HttpClient Client(string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    /// <summary>A customer hub connection over WebSockets, not yet started.</summary>
    public HubConnection CustomerHub(string token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "hubs/customer"), options =>
                options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();

    /// <summary>Kills the process and its children at once (SIGKILL on Linux: no shutdown, no flush) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!HasExited())
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private bool HasExited()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true; // Never started.
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var deadline = new CancellationTokenSource(StartTimeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        string lastAnswer = "no answer yet";
        try
        {
            do
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException(
                        $"The app exited with code {_process.ExitCode} before it was healthy. Its output:{Environment.NewLine}{Output}");
                }

                try
                {
                    using var response = await http.GetAsync(new Uri("health", UriKind.Relative), deadline.Token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }

                    lastAnswer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(deadline.Token)}";
                }
                catch (HttpRequestException e)
                {
                    lastAnswer = e.Message; // Not listening yet.
                }
                catch (TaskCanceledException e) when (!deadline.IsCancellationRequested)
                {
                    lastAnswer = e.Message; // One slow answer; the deadline decides.
                }
            }
            while (await poll.WaitForNextTickAsync(deadline.Token));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // Reported below with the process output.
        }

        throw new TimeoutException(
            $"GET {BaseAddress}health was not 200 within {StartTimeout.TotalSeconds:F0} s (last: {lastAnswer}). The app's output:{Environment.NewLine}{Output}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>src/RelayDesk.Web of this checkout, found upwards from the test binaries (its appsettings and wwwroot).</summary>
    private static string WebProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var web = Path.Combine(folder.FullName, "src", "RelayDesk.Web");
            if (File.Exists(Path.Combine(folder.FullName, "RelayDesk.slnx")) && Directory.Exists(web))
            {
                return web;
            }
        }

        throw new InvalidOperationException($"No RelayDesk.slnx above {AppContext.BaseDirectory}.");
    }
}
