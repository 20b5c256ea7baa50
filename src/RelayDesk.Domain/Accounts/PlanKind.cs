namespace RelayDesk.Domain.Accounts;

/// <summary>How a purchase is paid.</summary>
public enum PlanKind
{
    /// <summary>One invoice, due 30 days after the purchase.</summary>
    PayIn30,

    /// <summary>Three equal instalments, every two weeks from the purchase.</summary>
    PayIn3,

    /// <summary>Four equal instalments, monthly from the purchase.</summary>
    PayIn4,

    /// <summary>6–36 monthly annuity instalments at a nominal yearly rate.</summary>
    Financing,
}

public static class PlanKinds
{
    /// <summary>The wire name used by the API and the CLI (<c>pay-in-30</c>, <c>pay-in-3</c>, <c>pay-in-4</c>, <c>financing</c>).</summary>
    public static string ToWire(this PlanKind plan) => plan switch
    {
        PlanKind.PayIn30 => "pay-in-30",
        PlanKind.PayIn3 => "pay-in-3",
        PlanKind.PayIn4 => "pay-in-4",
        _ => "financing",
    };

    public static PlanKind Parse(string wire) => wire?.Trim().ToLowerInvariant() switch
    {
        "pay-in-30" => PlanKind.PayIn30,
        "pay-in-3" => PlanKind.PayIn3,
        "pay-in-4" => PlanKind.PayIn4,
        "financing" => PlanKind.Financing,
        _ => throw new DomainException("plan.unknown", $"Unknown plan '{wire}'; use pay-in-30, pay-in-3, pay-in-4 or financing."),
    };
}
