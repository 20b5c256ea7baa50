using Microsoft.Playwright;

namespace RelayDesk.Browser.Tests;

public sealed class DemoLoginTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 60_000;

    [Fact]
    public async Task Visitor_LogsInAsAnOverdueDemoCustomer_AndTheChatAnswersFromThatAccount()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", BaseURL = fixture.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("[data-testid=demo-login]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await page.Locator("[data-testid=demo-situation]").SelectOptionAsync("overdue");
        await page.Locator("#demo-language").SelectOptionAsync("en");
        await page.Locator("[data-testid=demo-login-button]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=demo-who]")).ToContainTextAsync("Logged in as");
        await Assertions.Expect(page.Locator("[data-testid=demo-account]")).ToContainTextAsync("overdue");
        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-author=assistant]").First).ToContainTextAsync("digital assistant", new() { Timeout = Timeout });
        await page.Locator("[data-testid=chat-input]").FillAsync("when is my next payment due");
        await page.Locator("[data-testid=chat-send]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=chat-message][data-author=assistant]").Nth(1)).ToContainTextAsync("overdue since", new() { Timeout = Timeout });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "demo-customer-login.png"), FullPage = true });
    }
}
