import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { releaseCreditReviewWorkflow } from "../../../../../../workflows"
import { fetchReview } from "../../../../../utils/reviews"
import { adminActorOf } from "../../../../../utils/request-context"
import type { AdminDecideReviewType } from "../../../validators"
import type { AdminReviewResponse } from "../../../../../../types/http"

/** Lets a held order through: its payment is authorized on account even over the limit. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminDecideReviewType>, res: MedusaResponse<AdminReviewResponse>) => {
  const actor = await adminActorOf(req)
  await releaseCreditReviewWorkflow(req.scope).run({
    input: { review_id: req.params.id, comment: req.validatedBody.comment, actor },
  })
  res.json({ review: await fetchReview(req.scope, req.params.id) })
}
