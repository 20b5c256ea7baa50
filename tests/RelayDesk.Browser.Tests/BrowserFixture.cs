using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace RelayDesk.Browser.Tests;

/// <summary>
/// The real app on Kestrel (a loopback port of its own, its own SQLite file) and Debian's Chromium driven by
/// Playwright. No browser is downloaded: Playwright's driver ships in its package and launches /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DemoPassword = "Browser-Pass-1234!";
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "relaydesk-browser", Guid.NewGuid().ToString("N"));
    private AppFactory? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {ChromiumPath}: apt-get install -y chromium");
        }

        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(ScreenshotFolder);
        _app = new AppFactory(_folder);
        _app.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());

        // CI machines are shared: assertions wait up to 30 s for what the page should show.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
    }

    private sealed class AppFactory(string folder) : WebApplicationFactory<Program>
    {
        private const int HistoryWeeks = 3;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Path", Path.Combine(folder, "relaydesk.db"));
            builder.UseSetting("CustomerTokens:KeyFile", Path.Combine(folder, "customer-token.key"));
            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Assistant:ModelCacheDirectory", Path.Combine(Path.GetTempPath(), "relaydesk-tests-nlu"));
            builder.UseSetting("Demo:HistoryWeeks", HistoryWeeks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Demo:Password", DemoPassword);
            builder.UseSetting("Demo:Customers", "24");
        }
    }
}
