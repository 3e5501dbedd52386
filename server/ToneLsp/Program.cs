using System.Text;
using ToneLsp.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
return CliApp.Run(args, Console.Out, Console.Error);
