using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RelayDesk.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<RelayDeskDbContext>
{
    public RelayDeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RelayDeskDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
