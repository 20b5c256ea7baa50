using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelayDesk.Data.Routing;

namespace RelayDesk.Data.Configurations;

internal sealed class AgentRoutingStateConfiguration : IEntityTypeConfiguration<AgentRoutingState>
{
    public void Configure(EntityTypeBuilder<AgentRoutingState> builder)
    {
        builder.ToTable("agent_routing");
        builder.HasKey(a => a.AgentId);
        builder.Property(a => a.AgentId).HasMaxLength(64);
        builder.Property(a => a.Presence).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.SkillLevels).HasMaxLength(300);
        builder.Property(a => a.TeamId).HasMaxLength(64);
        builder.HasOne<AgentUser>().WithOne().HasForeignKey<AgentRoutingState>(a => a.AgentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RoutingTeam>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoutingTeamConfiguration : IEntityTypeConfiguration<RoutingTeam>
{
    public void Configure(EntityTypeBuilder<RoutingTeam> builder)
    {
        builder.ToTable("routing_teams");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.TimeZoneId).HasMaxLength(64);
        builder.Property(t => t.Days).HasMaxLength(20);
        builder.Property(t => t.Holidays).HasMaxLength(2000);
        builder.HasData(new RoutingTeam
        {
            Id = AgentRoutingState.DefaultTeamId,
            Name = "Customer desk",
            Holidays = "2026-12-25,2026-12-26,2027-01-01",
        });
    }
}

internal sealed class RoutingOfferConfiguration : IEntityTypeConfiguration<RoutingOffer>
{
    public void Configure(EntityTypeBuilder<RoutingOffer> builder)
    {
        builder.ToTable("routing_offers");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.AgentId).HasMaxLength(64);
        builder.Property(o => o.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Why).HasMaxLength(1000);
        builder.HasIndex(o => new { o.Outcome, o.ExpiresAt });
        builder.HasIndex(o => o.ConversationId);

        // At most one open offer per conversation, also with several app instances routing at once.
        builder.HasIndex(o => o.ConversationId, "IX_routing_offers_one_pending").IsUnique().HasFilter("\"Outcome\" = 'Pending'");
    }
}

internal sealed class CallbackBookingConfiguration : IEntityTypeConfiguration<CallbackBooking>
{
    public void Configure(EntityTypeBuilder<CallbackBooking> builder)
    {
        builder.ToTable("callback_bookings");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => new { c.Status, c.SlotStart });
        builder.HasIndex(c => c.ConversationId);

        // A place in a slot is booked once, also with several app instances booking at once.
        builder.HasIndex(c => new { c.SlotStart, c.Place }, "IX_callback_bookings_one_per_place").IsUnique().HasFilter("\"Status\" = 'Booked'");
    }
}

internal sealed class HumanAccessEntryConfiguration : IEntityTypeConfiguration<HumanAccessEntry>
{
    public void Configure(EntityTypeBuilder<HumanAccessEntry> builder)
    {
        builder.ToTable("human_access");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.BreachCause).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(h => new { h.ConversationId, h.RequestedAt }).IsUnique();
        builder.HasIndex(h => h.RequestedAt);
    }
}

internal sealed class HandoverNoteConfiguration : IEntityTypeConfiguration<HandoverNote>
{
    public void Configure(EntityTypeBuilder<HandoverNote> builder)
    {
        builder.ToTable("handover_notes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.FromAgentId).HasMaxLength(64);
        builder.Property(n => n.FromAgentName).HasMaxLength(200);
        builder.Property(n => n.ToAgentId).HasMaxLength(64);
        builder.Property(n => n.ToTeamId).HasMaxLength(64);
        builder.Property(n => n.Note).HasMaxLength(1000);
        builder.HasIndex(n => n.ConversationId);
    }
}
