namespace RelayDesk.Web.Infrastructure.ScaleOut;

/// <summary>This process's identity among the desk's instances: new on every start.</summary>
public sealed class ThisInstance
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}
