using System.Net.Http.Json;
using System.Text.Json;
using RelayDesk.Web.Tests.Infrastructure;

namespace RelayDesk.Web.Tests.Features.Accounts;

/// <summary>Finds a demo customer whose account is in a given shape (e.g. several open purchases) and logs in as them.</summary>
internal static class AccountLogins
{
    /// <summary>
    /// The first demo customer of <paramref name="state"/> and <paramref name="language"/> whose purchases (as
    /// <c>GET /api/v1/me/purchases</c> lists them) satisfy <paramref name="fits"/>.
    /// </summary>
    public static async Task<(DemoLogin Login, IReadOnlyList<JsonElement> Purchases)> LoginWhereAsync(
        this RelayDeskFactory factory, string state, string language, Func<IReadOnlyList<JsonElement>, bool> fits)
    {
        var client = factory.CreateClient();
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/demo/customers?state={state}");
        foreach (var customer in list.GetProperty("customers").EnumerateArray().Where(c => c.GetProperty("language").GetString() == language))
        {
            var response = await client.PostAsJsonAsync("/api/v1/demo/customer-token", new { customerNumber = customer.GetProperty("customerNumber").GetString() });
            response.EnsureSuccessStatusCode();
            var login = (await response.Content.ReadFromJsonAsync<DemoLogin>())!;
            var purchases = await PurchasesAsync(factory, login);
            if (fits(purchases))
            {
                return (login, purchases);
            }
        }

        throw new InvalidOperationException($"No {language} demo customer in state {state} has an account of the shape the test needs.");
    }

    public static async Task<IReadOnlyList<JsonElement>> PurchasesAsync(RelayDeskFactory factory, DemoLogin login)
    {
        var account = await factory.ClientFor(login.Token).GetFromJsonAsync<JsonElement>("/api/v1/me/purchases");
        return [.. account.GetProperty("purchases").EnumerateArray().Select(p => p.Clone())];
    }

    /// <summary>Open and not paused: a purchase the customer could want to extend or report a return for.</summary>
    public static bool IsOpenAndRunning(JsonElement purchase) =>
        purchase.GetProperty("openAmount").GetDecimal() > 0
        && (!purchase.TryGetProperty("pausedFor", out var paused) || paused.ValueKind == JsonValueKind.Null);

    /// <summary>A purchase whose due date the policy lets the customer extend (not financing, not extended before).</summary>
    public static bool IsExtendable(JsonElement purchase) =>
        IsOpenAndRunning(purchase) && purchase.GetProperty("plan").GetString() != "financing" && !purchase.GetProperty("dueDateExtended").GetBoolean();

    public static string Number(JsonElement purchase) => purchase.GetProperty("number").GetString()!;

    public static string Merchant(JsonElement purchase) => purchase.GetProperty("merchant").GetString()!;
}
