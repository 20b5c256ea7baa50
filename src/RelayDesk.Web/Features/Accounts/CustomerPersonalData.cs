using Microsoft.EntityFrameworkCore;
using RelayDesk.Assistant.Llm;
using RelayDesk.Data;

namespace RelayDesk.Web.Features.Accounts;

/// <summary>
/// What the desk knows about a customer that must never reach an external model: name, e-mail, phone and address,
/// so they are redacted even where no pattern would spot them (a name above all).
/// </summary>
internal sealed class CustomerPersonalData(RelayDeskDbContext db) : ICustomerPersonalData
{
    public async ValueTask<IReadOnlyList<KnownPersonalValue>> FindAsync(string customerId, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.Id == customerId)
            .Select(c => new { c.Name, c.Email, c.Phone, c.Street, c.PostalCode, c.City })
            .FirstOrDefaultAsync(cancellationToken);
        if (customer is null)
        {
            return [];
        }

        return [.. new KnownPersonalValue[]
        {
            new(PersonalDataKind.Name, customer.Name),
            new(PersonalDataKind.Email, customer.Email),
            new(PersonalDataKind.Phone, customer.Phone),
            new(PersonalDataKind.Address, customer.Street),
            new(PersonalDataKind.Address, $"{customer.PostalCode} {customer.City}"),
        }.Where(v => !string.IsNullOrWhiteSpace(v.Value))];
    }
}
