using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelayDesk.Data.ScaleOut;
using RelayDesk.Domain.Conversations;

namespace RelayDesk.Data.Configurations;

internal sealed class DeskInstanceConfiguration : IEntityTypeConfiguration<DeskInstance>
{
    public void Configure(EntityTypeBuilder<DeskInstance> builder)
    {
        builder.ToTable("desk_instances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(64);
        builder.Property(i => i.Host).HasMaxLength(200);
    }
}

internal sealed class LiveConnectionConfiguration : IEntityTypeConfiguration<LiveConnection>
{
    public void Configure(EntityTypeBuilder<LiveConnection> builder)
    {
        builder.ToTable("live_connections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(100);
        builder.Property(c => c.InstanceId).HasMaxLength(64);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Subject).HasMaxLength(64);
        builder.HasIndex(c => new { c.Kind, c.Subject });
        builder.HasIndex(c => c.InstanceId);
    }
}

internal sealed class AssistantTurnClaimConfiguration : IEntityTypeConfiguration<AssistantTurnClaim>
{
    public void Configure(EntityTypeBuilder<AssistantTurnClaim> builder)
    {
        builder.ToTable("assistant_turn_claims");
        builder.HasKey(c => c.ConversationId);
        builder.Property(c => c.InstanceId).HasMaxLength(64);
        builder.HasOne<Conversation>().WithOne().HasForeignKey<AssistantTurnClaim>(c => c.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> builder) =>
        builder.ToTable("data_protection_keys");
}
