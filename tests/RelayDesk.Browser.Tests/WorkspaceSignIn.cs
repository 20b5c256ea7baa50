using Microsoft.Playwright;

namespace RelayDesk.Browser.Tests;

public static class WorkspaceSignIn
{
    /// <summary>Opens the workspace, is sent to the sign-in page, signs in as a demo staff member and lands on the workspace.</summary>
    public static async Task SignInToWorkspaceAsync(this IPage page, string email)
    {
        await page.GotoAsync("/agent");
        await page.WaitForURLAsync("**/agent/login**");
        await page.Locator("[data-testid=login-email]").FillAsync(email);
        await page.Locator("[data-testid=login-password]").FillAsync(BrowserFixture.DemoPassword);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/agent", StringComparison.Ordinal));
    }
}
