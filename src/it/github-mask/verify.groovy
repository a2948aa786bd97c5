import dev.cxtoken.testing.ItSupport
import dev.cxtoken.testing.PipelineItSupport

ItSupport.assertEquals(3, ItSupport.stop(context), "token requests (one per build)")
// Each GitHub build registers its token on a line of its own before the goal's INFO line; the third build does not.
ItSupport.assertEquals(["MASK", "FETCHED, MASKED", "MASK", "FETCHED, MASKED", "FETCHED"],
        PipelineItSupport.maskAndSummaryOrder(context, basedir), "mask commands and summary lines in build.log")
ItSupport.assertNoSecrets(context, basedir, ItSupport.GITHUB_MASK_COMMANDS)
return true
