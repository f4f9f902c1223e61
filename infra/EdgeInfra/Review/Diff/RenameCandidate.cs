namespace EdgeInfra.Review;

/// <summary>
/// The other half of a delete and a create of the same type whose properties are identical or nearly so: perhaps
/// one resource renamed, which Pulumi still deletes and creates unless the new one has an alias.
/// </summary>
/// <param name="OtherName">The logical name of the other half: the created resource for a delete, the deleted one for a create.</param>
/// <param name="EqualValues">How many property values (leaves) the two have in common.</param>
/// <param name="TotalValues">How many property values the larger of the two has.</param>
public sealed record RenameCandidate(string OtherName, int EqualValues, int TotalValues);
