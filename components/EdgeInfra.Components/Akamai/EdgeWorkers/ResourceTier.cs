namespace EdgeInfra.Components.Akamai;

/// <summary>
/// An EdgeWorkers resource tier: the set of CPU, memory and wall-time limits an EdgeWorker runs under, billed
/// differently. The ids are Akamai's: <see cref="BasicCompute"/> is 100 and <see cref="DynamicCompute"/> is 200 (as
/// the <c>getEdgeWorkersResourceTier</c> function returns them; Akamai's Terraform documentation, data source
/// <c>akamai_edgeworkers_resource_tier</c>). Other tiers (Enterprise Compute) exist on some contracts: look their id
/// up with <c>getEdgeWorkersResourceTier</c> and pass <c>new ResourceTier(id)</c>. Changing the tier of an
/// EdgeWorker replaces it (<c>resourceTierId</c> is replace-on-change).
/// </summary>
/// <param name="Id">Akamai's resource tier id.</param>
public readonly record struct ResourceTier(int Id)
{
    /// <summary>Basic Compute (id 100): the lower-cost tier, 10 ms CPU and 1.5 MB memory per event handler.</summary>
    public static ResourceTier BasicCompute { get; } = new(100);

    /// <summary>Dynamic Compute (id 200): 20 ms CPU and 2.5 MB memory per event handler; the tier of EdgeWorkers created before tiers existed.</summary>
    public static ResourceTier DynamicCompute { get; } = new(200);

    /// <summary>The tier's id, e.g. <c>200</c>.</summary>
    public override string ToString() => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
