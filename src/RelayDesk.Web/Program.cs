using RelayDesk.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddRelayDesk();

var app = builder.Build();
app.UseRelayDesk();
app.Run();

/// <summary>The web host's entry point; public so integration tests can start it.</summary>
public partial class Program;
