using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RelayDesk.Data.Accounts;
using RelayDesk.Data.Routing;
using RelayDesk.Data.ScaleOut;
using RelayDesk.Domain.Accounts;
using RelayDesk.Domain.Conversations;

namespace RelayDesk.Data;

/// <summary>
/// RelayDesk's database: conversations and their transcripts, the BNPL accounts with their audit trail, and the staff
/// accounts (Identity). This type is the SQLite database (migrations in <c>Migrations/Sqlite</c>);
/// <see cref="PostgreSqlRelayDeskDbContext"/> is the same model on PostgreSQL with its own migrations. The app registers
/// either as <see cref="RelayDeskDbContext"/>, so all code works on both.
/// </summary>
public class RelayDeskDbContext : IdentityDbContext<AgentUser>, IDataProtectionKeyContext
{
    public RelayDeskDbContext(DbContextOptions<RelayDeskDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider-specific context with its own migrations.</summary>
    protected RelayDeskDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Merchant> Merchants => Set<Merchant>();

    public DbSet<Purchase> Purchases => Set<Purchase>();

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    public DbSet<OutboundEmail> EmailOutbox => Set<OutboundEmail>();
    public DbSet<AgentRoutingState> AgentRouting => Set<AgentRoutingState>();

    public DbSet<RoutingTeam> RoutingTeams => Set<RoutingTeam>();

    public DbSet<RoutingOffer> RoutingOffers => Set<RoutingOffer>();

    public DbSet<CallbackBooking> CallbackBookings => Set<CallbackBooking>();

    public DbSet<HumanAccessEntry> HumanAccess => Set<HumanAccessEntry>();

    public DbSet<HandoverNote> HandoverNotes => Set<HandoverNote>();

    /// <summary>The running app instances and their heartbeats (scale-out).</summary>
    public DbSet<DeskInstance> DeskInstances => Set<DeskInstance>();

    public DbSet<LiveConnection> LiveConnections => Set<LiveConnection>();

    public DbSet<AssistantTurnClaim> AssistantTurnClaims => Set<AssistantTurnClaim>();

    /// <summary>ASP.NET Core Data Protection keys, shared by every instance (staff cookies, circuits, antiforgery).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RelayDeskDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        if (Database.IsSqlite())
        {
            // SQLite has no date-time type: stored as sortable integers so the queue can be ordered in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
