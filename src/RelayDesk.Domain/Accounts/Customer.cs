namespace RelayDesk.Domain.Accounts;

/// <summary>A BNPL customer. <see cref="Id"/> is the customer number (e.g. <c>C-100001</c>) conversations link to.</summary>
public sealed class Customer
{
    private Customer()
    {
    }

    public Customer(string id, string name, string email, string phone, string language, string street, string postalCode, string city, string country, bool verified)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        Id = id;
        Name = name;
        Email = email;
        Phone = phone;
        Language = Conversations.SupportedLanguages.Normalize(language);
        Street = street;
        PostalCode = postalCode;
        City = city;
        Country = country;
        Verified = verified;
    }

    public string Id { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public string Phone { get; private set; } = string.Empty;

    /// <summary><c>de</c> or <c>en</c>: the language of letters, e-mails and the assistant.</summary>
    public string Language { get; private set; } = Conversations.SupportedLanguages.German;

    public string Street { get; private set; } = string.Empty;

    public string PostalCode { get; private set; } = string.Empty;

    public string City { get; private set; } = string.Empty;

    public string Country { get; private set; } = string.Empty;

    /// <summary>The identity check passed (required before financing).</summary>
    public bool Verified { get; private set; }
}

/// <summary>A shop customers buy from.</summary>
public sealed class Merchant
{
    private Merchant()
    {
    }

    public Merchant(Guid id, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;
}
