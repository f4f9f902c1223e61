namespace EdgeInfra;

/// <summary>Whether an input is unset, known at synthesis, or known only at deployment.</summary>
public enum InputValueKind
{
    /// <summary>Not stated.</summary>
    Unset,

    /// <summary>Known at synthesis.</summary>
    Known,

    /// <summary>Known only at deployment.</summary>
    DeployTime,
}
