using RelayDesk.Web.Auth;

namespace RelayDesk.Web.Features.Staffing;

public static class StaffingModule
{
    public static IServiceCollection AddStaffing(this IServiceCollection services) => services.AddScoped<GetStaffingPlan>();

    /// <summary><c>/api/v1/staffing</c>: for supervisors and admins.</summary>
    public static IEndpointRouteBuilder MapStaffing(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/staffing").WithTags("Staffing").RequireAuthorization(Policies.Supervisor);
        GetStaffingPlan.Map(group);
        return endpoints;
    }
}
