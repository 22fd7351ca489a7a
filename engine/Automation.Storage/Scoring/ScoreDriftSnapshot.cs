namespace Automation.Storage.Scoring;

/// <summary>A day's population stability index of a model's scores against its training distribution.</summary>
public sealed class ScoreDriftSnapshot
{
    public Guid ModelId { get; set; }

    public DateTime Day { get; set; }

    public double Psi { get; set; }

    /// <summary>Customers scored for the comparison.</summary>
    public int Customers { get; set; }
}
