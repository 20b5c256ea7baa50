using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RelayDesk.Data.Configurations;

internal sealed class AgentUserConfiguration : IEntityTypeConfiguration<AgentUser>
{
    public void Configure(EntityTypeBuilder<AgentUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Skills).HasMaxLength(300);
        builder.Property(u => u.Languages).HasMaxLength(50);
        builder.Ignore(u => u.SkillList);
        builder.Ignore(u => u.LanguageList);
    }
}
