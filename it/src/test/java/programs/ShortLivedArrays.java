package programs;

/**
 * Makes many arrays that die at once, each filled and summed: what a request handler's buffers
 * are. Arguments: arrays, ints per array.
 */
public final class ShortLivedArrays {
    private ShortLivedArrays() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        int length = Integer.parseInt(args[1]);
        long sum = 0;
        for (int k = 0; k < count; k++) {
            int[] a = new int[length];
            for (int i = 0; i < a.length; i++) {
                a[i] = i ^ k;
            }
            for (int x : a) {
                sum += x;
            }
        }
        System.out.println("arrays=" + count + " sum=" + sum);
    }
}
