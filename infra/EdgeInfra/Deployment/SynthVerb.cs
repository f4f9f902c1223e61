namespace EdgeInfra;

/// <summary><c>synth</c>: prints the Pulumi YAML program of the selected stack, or the package manifest when no stack is selected.</summary>
internal static class SynthVerb
{
    public static int Run(VerbContext context)
    {
        if (context.StackName is not { } stack)
        {
            // Package discovery: Pulumi asks for the program with no stack and no config.
            return context.Emit(ProgramSynthesizer.PackageManifest(context.ProjectName, context.Environment.Packages));
        }

        try
        {
            return context.Emit(ProgramSynthesizer.Synthesize(context.BuildGraph(stack)));
        }
        catch (SynthesisException e)
        {
            context.ReportSynthesisFailure(stack, e);
            return 1;
        }
        catch (FormatException e)
        {
            context.Environment.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
