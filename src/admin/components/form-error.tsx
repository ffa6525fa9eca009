import { Alert } from "@medusajs/ui"
import { errorMessage } from "../lib/errors"

/** The API's error message exactly as worded, above a form's buttons. */
export const FormError = ({ error }: { error: unknown }) => {
  if (!error) {
    return null
  }
  return (
    <Alert variant="error" className="whitespace-pre-wrap break-words" role="alert">
      {errorMessage(error)}
    </Alert>
  )
}
