namespace RelayDesk.Domain.Staffing;

/// <summary>Holt-Winters smoothing weights chosen by the fit, reported so a planner can see how reactive the model is.</summary>
/// <param name="Alpha">Level weight in [0, 1]: how fast the base volume follows recent intervals.</param>
/// <param name="Beta">Trend weight in [0, 1]: how fast the per-interval growth follows level changes.</param>
/// <param name="Gamma">Season weight in [0, 1]: how fast each interval-of-week factor follows its latest observation.</param>
public sealed record SmoothingParameters(double Alpha, double Beta, double Gamma);
