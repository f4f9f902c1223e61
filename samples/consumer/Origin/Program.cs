using EdgeInfra;
using Origin;

return Deployment.Run(args, () => new OriginStack());
