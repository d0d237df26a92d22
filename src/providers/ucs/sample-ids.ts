/**
 * Any connector id with this prefix is answered as CHARGED by the simulator (for load tests). Its
 * own file so that the module's index can name it without loading the fixtures, which need grpc-js.
 */
export const UCS_GENERATED_ID_PREFIX = 'pi_gen_';
