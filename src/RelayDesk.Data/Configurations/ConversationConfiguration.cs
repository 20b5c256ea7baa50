using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelayDesk.Domain.Conversations;

namespace RelayDesk.Data.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToTable("conversations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Language).HasMaxLength(8).IsRequired();
        builder.Property(c => c.CustomerId).HasMaxLength(64);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.EscalationRuleId).HasMaxLength(64);
        builder.Property(c => c.EscalationReason).HasMaxLength(500);
        builder.Property(c => c.EscalationEvidence).HasMaxLength(500);
        builder.Property(c => c.EscalationSkills).HasMaxLength(200);
        builder.Property(c => c.LastIntent).HasMaxLength(100);
        builder.Property(c => c.RecentTexts).HasMaxLength(2000);
        builder.Ignore(c => c.Escalation);
        builder.Ignore(c => c.Memory);
        builder.Property(c => c.AssignedAgentId).HasMaxLength(64);
        builder.Property(c => c.TeamId).HasMaxLength(64);
        builder.Property(c => c.AssignedAgentName).HasMaxLength(200);
        builder.Property(c => c.EmailReplyTo).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.DomainEvents);

        builder.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(c => new { c.State, c.EscalationPriority, c.QueuedAt });
        builder.HasIndex(c => c.AssignedAgentId);
    }
}
