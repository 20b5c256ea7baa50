namespace RelayDesk.Domain.Accounts;

/// <summary>
/// The account rules a BNPL provider sets: the fee schedule, how long a return pauses the payment, and the due-date
/// extension policy. The defaults are the documented ones; hosts may override them from configuration.
/// </summary>
public sealed record AccountPolicy
{
    public static AccountPolicy Default { get; } = new();

    /// <summary>
    /// Fee schedule: an overdue instalment gets a free payment reminder the day after it fell due; once it is
    /// <see cref="LateFeeAfterDays"/> days overdue, one late fee of <see cref="LateFee"/> is charged on it (never more
    /// than the instalment itself, and only once per instalment). Default €5.00 after 7 days.
    /// </summary>
    public decimal LateFee { get; init; } = 5.00m;

    /// <summary>Days overdue before the late fee is charged. Default 7.</summary>
    public int LateFeeAfterDays { get; init; } = 7;

    /// <summary>How long a reported return pauses the open amount, in days. Default 21.</summary>
    public int ReturnPauseDays { get; init; } = 21;

    /// <summary>When a lost dispute resumes the plan, nothing falls due sooner than this many days later. Default 14.</summary>
    public int DisputeResumeDays { get; init; } = 14;

    /// <summary>Most days a Pay-in-30 invoice can be extended by (once per purchase). Default 10.</summary>
    public int InvoiceExtensionDays { get; init; } = 10;

    /// <summary>Most days an instalment (Pay in 3/4) can be extended by (once per purchase). Default 14.</summary>
    public int InstalmentExtensionDays { get; init; } = 14;

    /// <summary>Fee for a due-date extension, added to the extended payment. Default 0 (free).</summary>
    public decimal ExtensionFee { get; init; }

    public int MaximumExtensionDays(PlanKind plan) => plan == PlanKind.PayIn30 ? InvoiceExtensionDays : InstalmentExtensionDays;
}
