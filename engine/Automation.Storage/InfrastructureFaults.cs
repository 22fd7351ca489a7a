using System.Data.Common;
using System.Net.Sockets;

namespace Automation.Storage;

/// <summary>
/// Whether an exception came from the infrastructure (the database, the network, a timeout, a cancellation) rather than
/// from the data being worked on. Such a failure would meet every customer alike: the work is retried as a whole, never
/// recorded against one customer or one workflow instance.
/// </summary>
public static class InfrastructureFaults
{
    public static bool IsInfrastructure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException or IOException or SocketException or OperationCanceledException or OutOfMemoryException)
            {
                return true;
            }
        }

        return false;
    }
}
