using Microsoft.Playwright;

namespace RelayDesk.Browser.Tests;

public sealed class TeamsPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 60_000;

    [Fact]
    public async Task ASupervisor_CreatesATeamWithAMember_RenamesIt_IsToldWhyItCannotBeRemoved_AndRemovesItOnceEmpty()
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        await page.SignInToWorkspaceAsync("supervisor@demo.local");
        await page.Locator("[data-testid=nav-teams]").ClickAsync();

        await page.Locator("[data-testid=team-new]").ClickAsync();
        var form = page.Locator("[data-testid=team-form]");
        await Field(form, "team-id").FillAsync("collections");
        await Field(form, "team-name-input").FillAsync("Collections");
        await form.Locator("[data-testid=team-member-choice]").First.ClickAsync();
        await form.Locator("[data-testid=team-save]").ClickAsync();

        var team = page.Locator("[data-testid=team][data-team-id=collections]");
        await Assertions.Expect(team.Locator("[data-testid=team-name]")).ToHaveTextAsync("Collections");
        await Assertions.Expect(team.Locator("[data-testid=team-members] .mud-chip")).ToHaveCountAsync(1);

        await team.Locator("[data-testid=team-edit]").ClickAsync();
        await Field(team, "team-name-input").FillAsync("Collections and hardship");
        await team.Locator("[data-testid=team-save]").ClickAsync();
        await Assertions.Expect(team.Locator("[data-testid=team-name]")).ToHaveTextAsync("Collections and hardship");

        await team.Locator("[data-testid=team-remove]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=team-message]")).ToContainTextAsync("still has 1 agent(s)");

        await team.Locator("[data-testid=team-edit]").ClickAsync();
        await team.Locator("[data-testid=team-member-choice]").First.ClickAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "teams-edit.png"), FullPage = true });
        await team.Locator("[data-testid=team-save]").ClickAsync();
        await Assertions.Expect(team.Locator("[data-testid=team-members] .mud-chip")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "teams.png"), FullPage = true });
        await team.Locator("[data-testid=team-remove]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=team-message]")).ToContainTextAsync("removed");
        await Assertions.Expect(team).ToHaveCountAsync(0);
    }

    private static ILocator Field(ILocator scope, string testId) =>
        scope.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;
}
