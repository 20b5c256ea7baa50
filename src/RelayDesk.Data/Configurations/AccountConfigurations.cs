using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelayDesk.Data.Accounts;
using RelayDesk.Domain.Accounts;

namespace RelayDesk.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(320);
        builder.Property(c => c.Phone).HasMaxLength(40);
        builder.Property(c => c.Language).HasMaxLength(8);
        builder.Property(c => c.Street).HasMaxLength(200);
        builder.Property(c => c.PostalCode).HasMaxLength(20);
        builder.Property(c => c.City).HasMaxLength(100);
        builder.Property(c => c.Country).HasMaxLength(2);
    }
}

internal sealed class MerchantConfiguration : IEntityTypeConfiguration<Merchant>
{
    public void Configure(EntityTypeBuilder<Merchant> builder)
    {
        builder.ToTable("merchants");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Name).HasMaxLength(200);
    }
}

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> builder)
    {
        builder.ToTable("purchases");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Number).HasMaxLength(32);
        builder.HasIndex(p => p.Number).IsUnique();
        builder.Property(p => p.CustomerId).HasMaxLength(64);
        builder.HasIndex(p => p.CustomerId);
        builder.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Merchant>().WithMany().HasForeignKey(p => p.MerchantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.MerchantName).HasMaxLength(200);
        builder.Property(p => p.Items).HasMaxLength(1000);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Plan).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.PauseReason).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Dispute).HasConversion<string>().HasMaxLength(24);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.DomainEvents);
        builder.Ignore(p => p.OpenAmount);
        builder.Ignore(p => p.IsPaused);
        builder.Ignore(p => p.NextOpen);

        builder.HasMany(p => p.Instalments).WithOne().HasForeignKey(i => i.PurchaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Instalments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Payments).WithOne().HasForeignKey(p => p.PurchaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Payments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Refunds).WithOne().HasForeignKey(r => r.PurchaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Refunds).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class InstalmentConfiguration : IEntityTypeConfiguration<Instalment>
{
    public void Configure(EntityTypeBuilder<Instalment> builder)
    {
        builder.ToTable("instalments");
        builder.HasKey(i => new { i.PurchaseId, i.Seq });
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(i => i.Open);
        builder.Ignore(i => i.IsOpen);
        builder.HasIndex(i => new { i.Status, i.Due });
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> builder)
    {
        builder.ToTable("refunds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
    }
}

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("audit_records");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ActorKind).HasMaxLength(16);
        builder.Property(a => a.ActorId).HasMaxLength(64);
        builder.Property(a => a.Errand).HasMaxLength(40);
        builder.Property(a => a.CustomerId).HasMaxLength(64);
        builder.Property(a => a.PurchaseNumber).HasMaxLength(64);
        builder.Property(a => a.Outcome).HasMaxLength(16);
        builder.Property(a => a.Code).HasMaxLength(64);
        builder.Property(a => a.IdempotencyKey).HasMaxLength(200);
        builder.HasIndex(a => new { a.Errand, a.IdempotencyKey });
        builder.HasIndex(a => new { a.CustomerId, a.At });
    }
}

internal sealed class OutboundEmailConfiguration : IEntityTypeConfiguration<OutboundEmail>
{
    public void Configure(EntityTypeBuilder<OutboundEmail> builder)
    {
        builder.ToTable("email_outbox");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.CustomerId).HasMaxLength(64);
        builder.Property(e => e.To).HasMaxLength(320);
        builder.Property(e => e.Subject).HasMaxLength(300);
        builder.Property(e => e.Body).HasMaxLength(8000);
        builder.Property(e => e.PurchaseNumber).HasMaxLength(32);
        builder.HasIndex(e => e.SentAt);
        builder.HasIndex(e => new { e.ConversationId, e.MessageSeq }).IsUnique();
    }
}
